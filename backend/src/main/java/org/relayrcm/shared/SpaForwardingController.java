package org.relayrcm.shared;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Deep links into the React app (a bookmarked task, a reload) are served the app's index.html. */
@Controller
class SpaForwardingController {

    @GetMapping({"/login", "/tasks", "/tasks/{id}", "/claims", "/claims/{id}", "/denials/{id}", "/encounters/{id}", "/statements"})
    String forward() {
        return "forward:/index.html";
    }
}
