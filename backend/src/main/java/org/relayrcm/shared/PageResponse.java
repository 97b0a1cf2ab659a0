package org.relayrcm.shared;

import java.util.List;
import java.util.function.Function;

/** The one paging envelope of every list; totalElements is null where counting is not cheap. */
public record PageResponse<T>(List<T> content, int page, int size, Long totalElements) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(content.stream().map(mapper).toList(), page, size, totalElements);
    }
}
