package dev.streamsuite.clickstream.domain;

/**
 * How much evidence of interest each kind of interaction is worth. A cart or a purchase says more about what goes
 * together than a passing view, so they count more.
 */
public record InteractionWeights(double view, double cart, double purchase) {

    public InteractionWeights {
        requireWeight("view", view);
        requireWeight("cart", cart);
        requireWeight("purchase", purchase);
    }

    public double weightOf(Interaction interaction) {
        return switch (interaction) {
            case VIEW -> view;
            case CART -> cart;
            case PURCHASE -> purchase;
        };
    }

    private static void requireWeight(String name, double weight) {
        if (!(weight >= 0.0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(name + " weight must be finite and not negative, was " + weight);
        }
    }
}
