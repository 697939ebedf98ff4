package dev.streamsuite.iot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IotAggregatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(IotAggregatorApplication.class, args);
    }
}
