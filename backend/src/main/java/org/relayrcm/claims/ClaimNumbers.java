package org.relayrcm.claims;

import javax.sql.DataSource;

import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Claim numbers are CLM01 of the 837 and come back as CLP01 of the 835: "RC" and ten digits, twelve
 * characters in all, well inside X12's twenty, never reused (a database sequence).
 */
@Component
public class ClaimNumbers {

    private final DataFieldMaxValueIncrementer sequence;

    ClaimNumbers(DataSource dataSource) {
        this.sequence = Sequences.incrementer(dataSource, "claim_number_seq");
    }

    public String next() {
        return "RC" + String.format("%010d", sequence.nextLongValue());
    }

    /** Sequences differ in syntax between H2 and PostgreSQL; Spring knows both. */
    public static final class Sequences {

        private Sequences() {
        }

        public static DataFieldMaxValueIncrementer incrementer(DataSource dataSource, String name) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
                return product.toLowerCase().contains("postgres")
                        ? new PostgresSequenceMaxValueIncrementer(dataSource, name)
                        : new H2SequenceMaxValueIncrementer(dataSource, name);
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("Cannot read the database product name", e);
            }
        }
    }
}
