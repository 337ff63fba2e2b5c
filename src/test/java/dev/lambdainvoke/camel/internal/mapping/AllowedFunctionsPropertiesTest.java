package dev.lambdainvoke.camel.internal.mapping;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * SPEC "The request", {@code allowedFunctions}, over generated names, qualifiers and lists: entries without ':' never
 * admit a qualifier chosen by a header; an entry with ':' admits exactly the {@code function:qualifier} it matches;
 * without a header's qualifier the function alone decides; a qualifier is never hidden inside what counts as the name.
 */
class AllowedFunctionsPropertiesTest {

    /** Entries without ':' that match broadly, some of them anything at all. */
    private static final List<String> NAME_ENTRIES = List.of(".*", ".+", "[^,]*", "[a-z0-9._-]+", "\\S*", "(.*)",
            "a.*", "[a-zA-Z0-9-_.$]*", "(?s).*");

    @Test
    void entriesWithoutAColonNeverAdmitAQualifierChosenByAHeader() {
        qt().withExamples(300).forAll(nameLists(), names(), qualifiers())
                .checkAssert((option, name, qualifier) ->
                        assertThat(AllowedFunctions.of(option).admits(name, qualifier, true)).isFalse());
    }

    @Test
    void anEntryWithAColonAdmitsExactlyTheQualifierItMatches() {
        qt().withExamples(300).forAll(names(), qualifiers(), qualifiers()).checkAssert((name, allowed, asked) -> {
            AllowedFunctions list = AllowedFunctions.of(".*," + Pattern.quote(name) + ":" + Pattern.quote(allowed));

            assertThat(list.admits(name, asked, true)).isEqualTo(asked.equals(allowed));
        });
    }

    @Test
    void withoutAHeadersQualifierTheFunctionAloneDecides() {
        qt().withExamples(300).forAll(nameEntries(), names(), endpointQualifiers())
                .checkAssert((entry, name, endpointQualifier) -> {
                    String qualifier = endpointQualifier.isEmpty() ? null : endpointQualifier;

                    assertThat(AllowedFunctions.of(entry).admits(name, qualifier, false))
                            .isEqualTo(Pattern.matches(entry, name));
                });
    }

    @Test
    void splittingKeepsEveryQualifierOutOfTheFunction() {
        qt().withExamples(300).forAll(functions()).checkAssert(function -> {
            String[] split = AllowedFunctions.split(function);
            String unqualified = split[0];
            String qualifier = split[1];

            assertThat(qualifier == null ? unqualified : unqualified + ":" + qualifier).isEqualTo(function);
            String name = unqualified.contains(":function:")
                    ? unqualified.substring(unqualified.indexOf(":function:") + ":function:".length()) : unqualified;
            assertThat(name).doesNotContain(":");
        });
    }

    @Test
    void commasInsideBracketsBelongToTheirEntry() {
        qt().withExamples(100).forAll(nameEntries()).checkAssert(other ->
                assertThat(AllowedFunctions.entries("orders-[a-z]{2,3}, " + other + ",(a|b,c)"))
                        .containsExactly("orders-[a-z]{2,3}", other, "(a|b,c)"));
    }

    private static Gen<String> textOf(String alphabet, int minLength, int maxLength) {
        Gen<Character> chars = integers().between(0, alphabet.length() - 1).map(alphabet::charAt);
        return lists().of(chars).ofSizeBetween(minLength, maxLength).map(cs -> {
            StringBuilder text = new StringBuilder();
            cs.forEach(text::append);
            return text.toString();
        });
    }

    private static Gen<String> names() {
        return textOf("abz09-_.", 1, 12);
    }

    private static Gen<String> qualifiers() {
        return Generate.constant("$LATEST").mix(textOf("abzAZ09-_", 1, 8), 80);
    }

    private static Gen<String> endpointQualifiers() {
        return Generate.constant("").mix(qualifiers(), 70);
    }

    private static Gen<String> nameEntries() {
        return Generate.pick(NAME_ENTRIES).mix(names().map(Pattern::quote), 50);
    }

    private static Gen<String> nameLists() {
        return lists().of(nameEntries()).ofSizeBetween(1, 4).map(entries -> String.join(",", entries));
    }

    /** Names, name:qualifier, full and partial ARNs with and without a qualifier (a name may be "function"). */
    private static Gen<String> functions() {
        Gen<String> name = names().mix(Generate.constant("function"), 10);
        Gen<String> prefix = Generate.pick(List.of("", "arn:aws:lambda:us-east-1:123456789012:function:",
                "123456789012:function:", "eu-west-1:123456789012:function:"));
        Gen<String> suffix = Generate.constant("").mix(qualifiers().map(q -> ":" + q), 60);
        return prefix.zip(name, suffix, (p, n, q) -> p + n + q);
    }
}
