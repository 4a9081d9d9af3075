package dev.mamori.app.server.portfolio;

import dev.mamori.app.server.ServerSettings;
import dev.mamori.store.Database;
import dev.mamori.store.portfolio.AssessmentBasisRepository;
import dev.mamori.store.portfolio.ComponentRepository;
import dev.mamori.store.portfolio.DocumentRepository;
import dev.mamori.store.portfolio.FindingRepository;
import dev.mamori.store.portfolio.ProductRepository;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.portfolio.SbomRepository;
import dev.mamori.store.portfolio.TriageRepository;
import dev.mamori.store.queue.PortfolioState;
import dev.mamori.store.queue.WorkQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store's repositories as beans. */
@Configuration
class PortfolioBeans {
    @Bean
    ProductRepository productRepository(Database db) {
        return new ProductRepository(db);
    }

    @Bean
    ReleaseRepository releaseRepository(Database db) {
        return new ReleaseRepository(db);
    }

    @Bean
    SbomRepository sbomRepository(Database db) {
        return new SbomRepository(db);
    }

    @Bean
    ComponentRepository componentRepository(Database db) {
        return new ComponentRepository(db);
    }

    @Bean
    FindingRepository findingRepository(Database db) {
        return new FindingRepository(db);
    }

    @Bean
    AssessmentBasisRepository assessmentBasisRepository(Database db) {
        return new AssessmentBasisRepository(db);
    }

    @Bean
    TriageRepository triageRepository(Database db) {
        return new TriageRepository(db);
    }

    @Bean
    WorkQueue workQueue(Database db) {
        return new WorkQueue(db);
    }

    @Bean
    PortfolioState portfolioState(Database db) {
        return new PortfolioState(db);
    }

    @Bean
    DocumentRepository documentRepository(Database db) {
        return new DocumentRepository(db);
    }

    @Bean
    SbomFiles sbomFiles(ServerSettings settings, DocumentRepository documents, java.time.Clock clock) {
        return new SbomFiles(settings.dataDir().resolve("sboms"), documents, clock);
    }
}
