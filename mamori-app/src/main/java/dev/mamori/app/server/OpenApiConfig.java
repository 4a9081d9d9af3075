package dev.mamori.app.server;

import dev.mamori.app.MamoriVersion;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document ({@code /api/v1/openapi.json}) and its browsable UI ({@code /api/v1/docs}). */
@Configuration
class OpenApiConfig {
    @Bean
    OpenAPI mamoriOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Mamori API").version(MamoriVersion.get())
                        .description("Products, releases, SBOM history, findings, triage and analysis of an SBOM portfolio. "
                                + "Errors are RFC 9457 problem details (application/problem+json). Lists use keyset "
                                + "pagination: pass nextCursor back as cursor.")
                        .license(new License().name("see the Mamori distribution")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key: Authorization: Bearer mamori_…"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user account")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
