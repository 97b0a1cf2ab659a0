package org.relayrcm.shared;

import java.util.List;

/** Paging parameters as the API accepts them, clamped so a client cannot ask for a million rows. */
public record PageRequestParams(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static PageRequestParams of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw ApiException.badRequest("page must be 0 or more and size between 1 and " + MAX_SIZE + ".",
                    List.of(ValidationError.error("PAGING", p < 0 ? "page" : "size", "Out of range.")));
        }
        return new PageRequestParams(p, s);
    }

    public int offset() {
        return page * size;
    }
}
