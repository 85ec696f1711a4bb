package io.cuepoint.api.pipeline;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.ingest.IngestConfig;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The viewer in a real browser against the real all-in-one stack: headless Debian chromium, driven through
 * chromedriver, signs in with an API key, uploads a WebM clip of four test cards with hard cuts at 1, 2 and
 * 3 s (made here with ffmpeg), waits in the list until the analysis completed, opens the video, clicks a
 * shot cut in the event list and checks that the player is at that cut, then moves with the keyboard to the
 * next event and back. Screenshots of the video page go to target/viewer-screenshots/.
 */
class ViewerEndToEndTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final double FPS = 25;
    /** One frame: how far the player may be from an event's start after a seek. */
    private static final double FRAME_S = 1 / FPS;
    private static final long[] CUT_MS = {1000, 2000, 3000};
    private static final String KEY = "viewer-e2e-key";
    private static final Path SCREENSHOTS = Path.of("target", "viewer-screenshots");

    @TempDir
    static Path dir;

    private static AllInOne cuepoint;
    private static WebDriver browser;
    private static Path clip;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMEDRIVER).as("%s is missing: install chromium-driver (apt-get install chromium "
                + "chromium-driver), as .ci/run does", CHROMEDRIVER).isExecutable();
        assertThat(CHROMIUM).as("%s is missing: install chromium (apt-get install chromium chromium-driver)",
                CHROMIUM).isExecutable();
        clip = cards(Files.createDirectories(Path.of("target", "viewer-e2e")).resolve("cards.webm"));
        cuepoint = AllInOne.start(new AllInOne.Options(dir.resolve("data"), IngestConfig.defaults(),
                AnalyzerConfig.defaults(), true, Map.of("cuepoint.api-keys", KEY, "micronaut.server.port", -1)));
        base = "http://localhost:" + cuepoint.context().getBean(EmbeddedServer.class).getPort();
        browser = chromium(Files.createDirectories(dir.resolve("chromium-profile")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (cuepoint != null) {
            cuepoint.close();
        }
    }

    @Test
    void clickingAnEventSeeksThePlayerAndTheKeysMoveBetweenEvents() throws Exception {
        try {
            signInAndUpload();
            openTheAnalysedVideo();
            screenshot("video-page.png");

            // Only the shot lane: the next event is then the next cut.
            for (WebElement box : browser.findElements(By.cssSelector("input[name=track-filter]"))) {
                if (!box.getAttribute("value").equals("shot") && box.isSelected()) {
                    box.click();
                }
            }
            assertThat(browser.findElements(By.cssSelector("#timeline .tl-lane[data-lane]")))
                    .as("timeline lanes shown").filteredOn(WebElement::isDisplayed)
                    .extracting(l -> l.getAttribute("data-lane")).containsExactly("shot");
            List<WebElement> cuts = browser.findElements(By.cssSelector("#events tbody tr[data-type='shot.cut']"));
            assertThat(cuts).as("shot.cut rows").hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.findElements(By.cssSelector("#events tbody tr")))
                    .as("only shot events are listed").allSatisfy(r -> assertThat(r.getAttribute("data-type")).startsWith("shot."));
            long[] starts = cuts.stream().mapToLong(r -> Long.parseLong(r.getAttribute("data-start-ms"))).toArray();
            for (long start : starts) {
                assertThat(nearestCut(start)).as("cut at %d ms", start).isLessThanOrEqualTo(40);
            }

            cuts.get(0).findElement(By.cssSelector("button.seek")).click();
            awaitPlayerAt(starts[0]);
            assertThat(cuts.get(0).getAttribute("aria-current")).isEqualTo("true");
            screenshot("video-page-at-cut.png");

            new Actions(browser).sendKeys("n").perform();
            awaitPlayerAt(starts[1]);
            new Actions(browser).sendKeys("p").perform();
            awaitPlayerAt(starts[0]);
        } catch (AssertionError | RuntimeException e) {
            screenshot("failure.png");
            throw e;
        }
    }

    private void signInAndUpload() {
        browser.get(base + "/");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-key"))).sendKeys(KEY);
        browser.findElement(By.id("signin-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-file")))
                .sendKeys(clip.toAbsolutePath().toString());
        browser.findElement(By.id("upload-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-message"), "uploaded"));
    }

    private void openTheAnalysedVideo() {
        // The list refreshes itself while the video is analysed; no reload from here.
        var row = By.cssSelector("#video-list tbody tr[data-status='COMPLETED'], "
                + "#video-list tbody tr[data-status='FAILED']");
        WebElement done = new WebDriverWait(browser, Duration.ofMinutes(4))
                .until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(done.getAttribute("data-status")).as(done.getText()).isEqualTo("COMPLETED");
        done.findElement(By.cssSelector("a.open")).click();

        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                "true".equals(d.findElement(By.id("video-section")).getAttribute("data-loaded"))
                        && number("return document.querySelector('#player').readyState") >= 1
                        && !d.findElements(By.cssSelector("#timeline canvas")).isEmpty());
        assertThat(number("return document.querySelector('#player').duration")).isCloseTo(4.0, within(FRAME_S * 2));
    }

    /** Waits until the player finished seeking to ms, within one frame. */
    private void awaitPlayerAt(long ms) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "player at " + ms + " ms, is at "
                + number("return document.querySelector('#player').currentTime") + " s")
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "const v = document.querySelector('#player');"
                                + "return !v.seeking && Math.abs(v.currentTime - arguments[0]) <= arguments[1];",
                        ms / 1000.0, FRAME_S)));
    }

    private static long nearestCut(long ms) {
        long best = Long.MAX_VALUE;
        for (long cut : CUT_MS) {
            best = Math.min(best, Math.abs(cut - ms));
        }
        return best;
    }

    private double number(String script) {
        Object value = ((JavascriptExecutor) browser).executeScript(script);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private void screenshot(String name) throws java.io.IOException {
        if (browser == null) {
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }

    private static WebDriver chromium(Path profile) {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1800");
        return new ChromeDriver(service, options);
    }

    /**
     * Four 1 s test cards at 25 fps, VP8 in WebM (Chromium plays it): testsrc2, SMPTE bars, a game of life
     * and RGB stripes, so hard cuts fall at 1, 2 and 3 s.
     */
    private static Path cards(Path out) throws Exception {
        String size = "s=320x240:r=25";
        var ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=" + size + ":d=1",
                "-f", "lavfi", "-i", "smptebars=" + size + ":d=1",
                "-f", "lavfi", "-i", "life=" + size + ":mold=10:ratio=0.5:death_color=#1a3d6b:life_color=#f5c542,"
                        + "trim=duration=1",
                "-f", "lavfi", "-i", "rgbtestsrc=" + size + ":d=1",
                "-filter_complex", "[0:v][1:v][2:v][3:v]concat=n=4:v=1:a=0,format=yuv420p[v]", "-map", "[v]",
                "-c:v", "libvpx", "-b:v", "800k", "-g", "25", "-an", out.toString())
                .redirectErrorStream(true).redirectOutput(new File(out + ".log")).start();
        assertThat(ffmpeg.waitFor()).as("ffmpeg exit status, see %s.log", out).isZero();
        return out;
    }
}
