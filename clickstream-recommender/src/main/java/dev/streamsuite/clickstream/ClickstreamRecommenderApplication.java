package dev.streamsuite.clickstream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClickstreamRecommenderApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClickstreamRecommenderApplication.class, args);
    }
}
