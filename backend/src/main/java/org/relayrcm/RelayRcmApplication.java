package org.relayrcm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RelayRcmApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelayRcmApplication.class, args);
    }
}
