package org.relayrcm.tasks;

import java.util.List;
import java.util.Locale;

import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.relayrcm.shared.ValidationError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskList tasks;

    TaskController(TaskList tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    PageResponse<TaskView> list(@RequestParam(defaultValue = "mine") String view,
            @RequestParam(required = false) String businessKey,
            @RequestParam(defaultValue = "deadline") String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return tasks.list(parse(view), businessKey, parseSort(sort), PageRequestParams.of(page, size));
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable String id) {
        return tasks.get(id);
    }

    @PostMapping("/{id}/claim")
    TaskView claim(@PathVariable String id) {
        return tasks.claim(id);
    }

    @PostMapping("/{id}/unclaim")
    TaskView unclaim(@PathVariable String id) {
        return tasks.unclaim(id);
    }

    private static TaskList.Sort parseSort(String sort) {
        try {
            return TaskList.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("sort must be deadline or created.",
                    List.of(ValidationError.error("TASKS-SORT", "sort", "Unknown sort '" + sort + "'.")));
        }
    }

    private static TaskList.View parse(String view) {
        try {
            return TaskList.View.valueOf(view.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("view must be mine, group or unassigned.",
                    List.of(ValidationError.error("TASKS-VIEW", "view", "Unknown view '" + view + "'.")));
        }
    }
}
