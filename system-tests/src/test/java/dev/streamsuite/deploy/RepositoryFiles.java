package dev.streamsuite.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository that users deploy from, found from the test's working directory. */
final class RepositoryFiles {

    private RepositoryFiles() {}

    static Path root() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("docker-compose.yml"))
                    && Files.isDirectory(directory.resolve("helm"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("No repository root (docker-compose.yml beside helm/) above "
                + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static Path chart() {
        return path("helm/streamsuite");
    }
}
