// jenkinsci/lib-symbol-annotation src/main/java/org/jenkinsci/Symbol.java
package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
