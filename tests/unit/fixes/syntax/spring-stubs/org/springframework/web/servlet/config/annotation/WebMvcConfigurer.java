// Stand-in with Spring Framework 5's signature (default methods since 5.0), so javac can check CorsConfig.java.
package org.springframework.web.servlet.config.annotation;

public interface WebMvcConfigurer {
    default void addCorsMappings(CorsRegistry registry) {}
}
