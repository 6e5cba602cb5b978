package io.devopsparadise.reports.render;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Thymeleaf for the HTML (HTML mode) and Markdown (TEXT mode) reports, from classpath:report-templates/. */
@Component
public class ReportTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    ReportTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".md", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("report-templates/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }

    /** Renders a template (its file name, e.g. report.html) with the report model and helpers. */
    public String render(String template, ReportModel model, Map<String, Object> extra) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("model", model);
        context.setVariable("run", model.run());
        context.setVariable("summary", model.run().summary());
        context.setVariable("score", model.run().score());
        context.setVariable("fmt", new Formats());
        extra.forEach(context::setVariable);
        return engine.process(template, context);
    }
}
