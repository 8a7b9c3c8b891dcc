package dev.claudecode.console.web;

import dev.claudecode.console.RequiredTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver. Both paths are given explicitly,
 * so Selenium never looks for (or downloads) a driver or a browser of its own.
 */
final class Browser implements AutoCloseable {

    // Selenium warns that it has no DevTools bindings for Debian's Chromium version; the tests use none
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    Browser(Path profile) {
        this.profile = profile;
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(RequiredTools.chromeDriver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RequiredTools.chromium().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriver started;
        try {
            started = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        this.driver = started;
    }

    ChromeDriver driver() {
        return driver;
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    }

    /**
     * Makes the page this many CSS pixels wide and high, and checks that it is.
     *
     * @param width the viewport's width
     * @param height the viewport's height
     */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        // the window's size is the viewport's in headless Chromium; corrected once if the platform adds a frame
        long innerWidth = number("return window.innerWidth");
        long innerHeight = number("return window.innerHeight");
        if (innerWidth != width || innerHeight != height) {
            driver.manage().window().setSize(new Dimension(2 * width - (int) innerWidth, 2 * height - (int) innerHeight));
        }
        if (number("return window.innerWidth") != width) {
            throw new IllegalStateException("the viewport is " + number("return window.innerWidth") + " px wide, not " + width);
        }
    }

    /** The box of an element as the page lays it out, in CSS pixels relative to the viewport. */
    record Box(double left, double top, double width, double height) {
        double right() {
            return left + width;
        }
    }

    /**
     * @param css a selector of the element
     * @return the element's layout box ({@code getBoundingClientRect})
     */
    Box box(String css) {
        Object value = driver.executeScript("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return [r.left, r.top, r.width, r.height];", css);
        List<?> numbers = (List<?>) value;
        return new Box(((Number) numbers.get(0)).doubleValue(), ((Number) numbers.get(1)).doubleValue(),
                ((Number) numbers.get(2)).doubleValue(), ((Number) numbers.get(3)).doubleValue());
    }

    /**
     * @param script JavaScript that returns a number
     * @return the number
     */
    long number(String script) {
        return ((Number) driver.executeScript(script)).longValue();
    }

    /** Keeps what the page shows as a PNG test artifact. */
    void screenshot(String name) {
        try {
            Files.write(RequiredTools.screenshots().resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    Path profile() {
        return profile;
    }
}
