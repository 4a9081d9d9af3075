package dev.mamori.app.server;

import dev.mamori.app.MamoriVersion;
import dev.mamori.store.Database;
import dev.mamori.store.InstanceRepository;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The Spring Boot application behind {@code mamori serve}. */
@SpringBootApplication
public class MamoriServer {
    private static final Logger LOG = LoggerFactory.getLogger(MamoriServer.class);

    /** Starts the server and returns its running context. */
    public static ConfigurableApplicationContext start(ServerSettings settings, String[] args) {
        SpringApplication app = new SpringApplication(MamoriServer.class);
        app.setDefaultProperties(Map.of("server.port", Integer.toString(settings.port())));
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("serverSettings", settings));
        ConfigurableApplicationContext context = app.run(args);
        Database db = context.getBean(Database.class);
        LOG.info("Mamori {} serving on port {} with {} store", MamoriVersion.get(),
                context.getEnvironment().getProperty("local.server.port"), db.kind().label());
        return context;
    }

    @Bean(destroyMethod = "close")
    Database database(ServerSettings settings) {
        Database db = Database.open(settings.database());
        new InstanceRepository(db).ensureRecorded(MamoriVersion.get(), Instant.now());
        return db;
    }

    @Bean
    DataSource dataSource(Database database) {
        return database.dataSource();
    }
}
