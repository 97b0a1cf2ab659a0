package org.relayrcm.badinput;

/**
 * One row of {@code bad-input/manifest.csv}: a request the API must refuse with {@code expectedStatus} and a problem
 * detail whose detail, error fields or error messages contain {@code phrase} (or one of its {@code |}-separated alternatives).
 *
 * @param path may hold placeholders ({@code {codingCaseId}}, {@code {claimId}}, {@code {missingId}} ...) the test
 *        fills in with the ids of its fixture
 * @param input what the body is; see {@link CorpusInputs} for the forms it may take
 */
record CorpusCase(String id, String method, String path, String role, String contentType, String input,
        int expectedStatus, String phrase) {

    @Override
    public String toString() {
        return id;
    }
}
