package dev.mamori.app.server.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making the current request, as the audit trail names them: {@code user:alice}, {@code api-key:ci#3}. */
public final class Actor {
    private Actor() {}

    public static String current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated()) {
            return "anonymous";
        }
        if (a instanceof ApiKeyAuthentication key) {
            return key.getName();
        }
        return "user:" + a.getName();
    }
}
