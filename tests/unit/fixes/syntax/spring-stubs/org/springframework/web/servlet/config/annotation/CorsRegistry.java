// Stand-in with Spring Framework 5's signature, so javac can check the generated CorsConfig.java here.
package org.springframework.web.servlet.config.annotation;

public class CorsRegistry {
    public CorsRegistration addMapping(String pathPattern) {
        return new CorsRegistration();
    }
}
