package dev.streamsuite.testsupport;

import dev.streamsuite.schemas.payments.Channel;
import dev.streamsuite.schemas.payments.Transaction;
import java.time.Instant;

/** Valid payments for tests: an e-commerce purchase in France, in euros, at a grocery (MCC 5411). */
public final class SamplePayments {

    private SamplePayments() {}

    public static Transaction payment(String id, String card, String merchant, long amountMinor, Instant at) {
        return Transaction.newBuilder()
                .setTransactionId(id)
                .setCardId(card)
                .setAccountId("acct-" + card)
                .setMerchantId(merchant)
                .setMerchantCategoryCode("5411")
                .setAmountMinor(amountMinor)
                .setCurrency("EUR")
                .setCountry("FR")
                .setLocation(null)
                .setChannel(Channel.ECOMMERCE)
                .setEventTime(at)
                .build();
    }
}
