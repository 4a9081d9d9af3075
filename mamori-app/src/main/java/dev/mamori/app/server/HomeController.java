package dev.mamori.app.server;

import dev.mamori.app.MamoriVersion;
import dev.mamori.store.Database;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: product name, version and where to go next. */
@Controller
class HomeController {
    private final Database database;

    HomeController(Database database) {
        this.database = database;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("version", MamoriVersion.get());
        model.addAttribute("database", database.kind().label());
        return "index";
    }
}
