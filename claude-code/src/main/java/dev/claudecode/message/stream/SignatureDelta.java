package dev.claudecode.message.stream;

import java.util.Objects;

/**
 * The signature of a thinking block, sent just before the block stops ({@code signature_delta}).
 *
 * @param signature the signature
 */
public record SignatureDelta(String signature) implements Delta {

    /** The wire type of this delta. */
    public static final String TYPE = "signature_delta";

    /** Validates the component. */
    public SignatureDelta {
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
