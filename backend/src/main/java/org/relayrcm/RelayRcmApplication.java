package org.relayrcm;

import org.relayrcm.codesets.CodeSetsCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RelayRcmApplication {

    public static void main(String[] args) {
        if (CodeSetsCommand.isCommand(args)) {
            // `java -jar relay-rcm.jar codesets import ...`: no web server, no job executor; exits with its status.
            CodeSetsCommand.main(args);
            return;
        }
        SpringApplication.run(RelayRcmApplication.class, args);
    }
}
