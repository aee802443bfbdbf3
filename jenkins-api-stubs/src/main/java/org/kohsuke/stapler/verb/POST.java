// jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/verb/POST.java
package org.kohsuke.stapler.verb;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Target(METHOD)
@Retention(RUNTIME)
@Documented
public @interface POST {}
