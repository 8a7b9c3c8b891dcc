package dev.claudecode.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PomTest {

    @Test
    void readsWhatCentralAsksForAndEveryVersionedDeclaration() throws IOException {
        Pom pom = parse("""
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version></parent>
                  <artifactId>a</artifactId>
                  <name>A</name>
                  <properties><x.version>2</x.version></properties>
                  <dependencies><dependency><groupId>d</groupId><artifactId>dep</artifactId><scope>test</scope></dependency></dependencies>
                  <build>
                    <plugins><plugin><artifactId>maven-x-plugin</artifactId><version>3</version>
                      <dependencies><dependency><groupId>e</groupId><artifactId>plugin-dep</artifactId><version>${x.version}</version></dependency></dependencies>
                    </plugin></plugins>
                    <extensions><extension><groupId>f</groupId><artifactId>ext</artifactId><version>4</version></extension></extensions>
                  </build>
                  <profiles><profile><id>release</id>
                    <dependencyManagement><dependencies><dependency><groupId>h</groupId><artifactId>bom</artifactId><version>5</version><scope>import</scope></dependency></dependencies></dependencyManagement>
                  </profile></profiles>
                </project>
                """);

        assertThat(pom.parent()).contains(new Coordinates("g", "p", "1"));
        assertThat(pom.groupId()).isEmpty();
        assertThat(pom.packaging()).isEqualTo("jar");
        assertThat(pom.name()).contains("A");
        assertThat(pom.properties()).isEqualTo(Map.of("x.version", "2"));
        assertThat(pom.declarations()).containsExactly(
                new Pom.Declaration("dependency", "d", "dep", Optional.empty(), "test"),
                new Pom.Declaration("plugin", "org.apache.maven.plugins", "maven-x-plugin", Optional.of("3"), "compile"),
                new Pom.Declaration("plugin dependency", "e", "plugin-dep", Optional.of("${x.version}"), "compile"),
                new Pom.Declaration("extension", "f", "ext", Optional.of("4"), "compile"),
                new Pom.Declaration("managed dependency of profile release", "h", "bom", Optional.of("5"), "import"));
    }

    @Test
    void theInheritedVersionAndPropertiesResolveThroughTheLineage() throws IOException {
        Pom parent = parse("<project><groupId>g</groupId><artifactId>p</artifactId><version>1.0</version>"
                + "<url>https://example.org/${project.artifactId}</url><properties><a>${b}</a><b>deep</b></properties></project>");
        Pom child = parse("<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1.0</version></parent>"
                + "<artifactId>c</artifactId><properties><b>child</b></properties></project>");

        Lineage lineage = Lineage.of(child, wanted -> wanted.equals(new Coordinates("g", "p", "1.0")) ? Optional.of(parent) : Optional.empty());

        assertThat(lineage.coordinates()).isEqualTo(new Coordinates("g", "c", "1.0"));
        assertThat(lineage.resolve("${a}-${project.version}")).contains("child-1.0");
        assertThat(lineage.url()).contains("https://example.org/c");
        assertThat(lineage.resolve("${unknown}")).isEmpty();
        assertThat(Lineage.of(child, wanted -> Optional.empty()).missingParent()).contains(new Coordinates("g", "p", "1.0"));
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedSoNoEntityIsExpanded() {
        assertThatThrownBy(() -> parse("""
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <project><artifactId>&secret;</artifactId></project>
                """)).isInstanceOf(IOException.class).hasMessageContaining("not well-formed XML");
    }

    @Test
    void somethingElseThanAPomIsRefused() {
        assertThatThrownBy(() -> parse("<settings/>")).hasMessage("test.pom: not a POM (the root element is <settings>)");
        assertThatThrownBy(() -> parse("<project/>")).hasMessage("test.pom: the POM has no <artifactId>");
        assertThatThrownBy(() -> parse("<project>")).hasMessageStartingWith("test.pom: not well-formed XML");
    }

    private static Pom parse(String xml) throws IOException {
        return Pom.parse(xml.getBytes(StandardCharsets.UTF_8), "test.pom");
    }
}
