package dev.claudecode.mcp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names and describes an argument of an {@link McpTool} method, or a property of a record used as
 * arguments.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface McpParam {

    /** {@return the argument's name; empty means the parameter's or component's own name} */
    String name() default "";

    /** {@return what the argument means, for the model} */
    String description() default "";

    /**
     * {@return whether the model must give it; primitives are always required and {@code Optional}
     * values never are}
     */
    boolean required() default true;
}
