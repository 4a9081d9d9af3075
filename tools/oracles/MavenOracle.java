// Labels Maven version pairs with the order of Maven's own ComparableVersion.
//
// Usage (single-file source launch, needs the maven-artifact jar on the class path):
//   java -cp ~/.m2/repository/org/apache/maven/maven-artifact/3.9.11/maven-artifact-3.9.11.jar \
//        tools/oracles/MavenOracle.java < pairs.tsv > labelled.tsv
// Input: one "A<TAB>B" pair a line. Output: "A<TAB>B<TAB>sign" where sign is -1, 0 or 1.
// The first output line is "#oracle<TAB>..." naming the ComparableVersion implementation version.

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.maven.artifact.versioning.ComparableVersion;

public class MavenOracle {
    public static void main(String[] args) throws Exception {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        Package p = ComparableVersion.class.getPackage();
        out.write("#oracle\torg.apache.maven:maven-artifact " + p.getImplementationVersion()
                + " ComparableVersion\n");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String a = line.substring(0, tab);
            String b = line.substring(tab + 1);
            int c = Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
            out.write(a + "\t" + b + "\t" + c + "\n");
        }
        out.flush();
    }
}
