package dev.ecsdeploy.core.aws;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that uses AWS SDK API newer than the SDK floor (the SDK that Jenkins' aws-java-sdk2 plugins ship). The
 * build's SDK floor check skips what carries it, so every use must be reached only after a runtime capability check
 * has confirmed that the SDK on the classpath has the API, and must say which check guards it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface AboveSdkFloor {
    /** The capability check that guards the annotated code, and the SDK version that brought the API. */
    String value();
}
