package dev.claudecode.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A document ({@code "type":"document"}): a PDF, a plain text, or custom content, optionally with a
 * title and context for the model and with citations enabled.
 *
 * @param source where the document comes from
 * @param title a title shown to the model
 * @param context context about the document shown to the model (not cited from)
 * @param citationsEnabled whether the model may cite passages of this document
 */
public record DocumentBlock(
        DocumentSource source, Optional<String> title, Optional<String> context, boolean citationsEnabled)
        implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "document";

    /** Validates the components. */
    public DocumentBlock {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(context, "context");
    }

    /**
     * A document from a source, without title, context or citations.
     *
     * @param source where the document comes from
     * @return the block
     */
    public static DocumentBlock of(DocumentSource source) {
        return new DocumentBlock(source, Optional.empty(), Optional.empty(), false);
    }

    /**
     * An inline PDF from its bytes.
     *
     * @param pdf the PDF file's bytes
     * @return the block
     */
    public static DocumentBlock pdf(byte[] pdf) {
        return of(new DocumentSource.Base64("application/pdf", Base64.getEncoder().encodeToString(pdf)));
    }

    /**
     * An inline PDF read from a file.
     *
     * @param file the PDF file
     * @return the block
     * @throws UncheckedIOException when the file cannot be read
     */
    public static DocumentBlock pdf(Path file) {
        try {
            return pdf(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + file, e);
        }
    }

    /**
     * An inline plain-text document.
     *
     * @param text the document's text
     * @return the block
     */
    public static DocumentBlock text(String text) {
        return of(new DocumentSource.Text("text/plain", text));
    }

    /**
     * A PDF the API fetches from a URL.
     *
     * @param url the PDF's URL
     * @return the block
     */
    public static DocumentBlock url(String url) {
        return of(new DocumentSource.Url(url));
    }

    /**
     * A copy of this block with a title.
     *
     * @param title the title
     * @return the new block
     */
    public DocumentBlock withTitle(String title) {
        return new DocumentBlock(source, Optional.of(title), context, citationsEnabled);
    }

    /**
     * A copy of this block with context for the model.
     *
     * @param context the context
     * @return the new block
     */
    public DocumentBlock withContext(String context) {
        return new DocumentBlock(source, title, Optional.of(context), citationsEnabled);
    }

    /**
     * A copy of this block with citations enabled or disabled.
     *
     * @param enabled whether the model may cite the document
     * @return the new block
     */
    public DocumentBlock withCitations(boolean enabled) {
        return new DocumentBlock(source, title, context, enabled);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
