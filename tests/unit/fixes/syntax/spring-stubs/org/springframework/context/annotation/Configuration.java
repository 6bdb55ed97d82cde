// Stand-in with Spring Framework 5's signature, so javac can check the generated CorsConfig.java here.
package org.springframework.context.annotation;

public @interface Configuration {}
