package dev.lambdainvoke.camel.mapping;

import java.util.List;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "The request", {@code allowedFunctions}, over generated names, qualifiers and lists: entries without ':' never
 * admit a qualifier chosen by a header; an entry with ':' admits exactly the {@code function:qualifier} it matches;
 * without a header's qualifier the function alone decides; a qualifier is never hidden inside what counts as the name.
 */
class AllowedFunctionsPropertiesTest {

    /** Entries without ':' that match broadly, some of them anything at all. */
    private static final List<String> NAME_ENTRIES = List.of(".*", ".+", "[^,]*", "[a-z0-9._-]+", "\\S*", "(.*)",
            "a.*", "[a-zA-Z0-9-_.$]*", "(?s).*");

    @Property(tries = 300)
    void entriesWithoutAColonNeverAdmitAQualifierChosenByAHeader(@ForAll("nameLists") String option,
                                                                  @ForAll("names") String name,
                                                                  @ForAll("qualifiers") String qualifier) {
        assertThat(AllowedFunctions.of(option).admits(name, qualifier, true)).isFalse();
    }

    @Property(tries = 300)
    void anEntryWithAColonAdmitsExactlyTheQualifierItMatches(@ForAll("names") String name,
                                                            @ForAll("qualifiers") String allowed,
                                                            @ForAll("qualifiers") String asked) {
        AllowedFunctions list = AllowedFunctions.of(".*," + Pattern.quote(name) + ":" + Pattern.quote(allowed));

        assertThat(list.admits(name, asked, true)).isEqualTo(asked.equals(allowed));
    }

    @Property(tries = 300)
    void withoutAHeadersQualifierTheFunctionAloneDecides(@ForAll("nameEntries") String entry,
                                                         @ForAll("names") String name,
                                                         @ForAll("endpointQualifiers") String endpointQualifier) {
        String qualifier = endpointQualifier.isEmpty() ? null : endpointQualifier;

        assertThat(AllowedFunctions.of(entry).admits(name, qualifier, false)).isEqualTo(Pattern.matches(entry, name));
    }

    @Property(tries = 300)
    void splittingKeepsEveryQualifierOutOfTheFunction(@ForAll("functions") String function) {
        String[] split = AllowedFunctions.split(function);
        String unqualified = split[0];
        String qualifier = split[1];

        assertThat(qualifier == null ? unqualified : unqualified + ":" + qualifier).isEqualTo(function);
        String name = unqualified.contains(":function:")
                ? unqualified.substring(unqualified.indexOf(":function:") + ":function:".length()) : unqualified;
        assertThat(name).doesNotContain(":");
    }

    @Property(tries = 100)
    void commasInsideBracketsBelongToTheirEntry(@ForAll("nameEntries") String other) {
        assertThat(AllowedFunctions.entries("orders-[a-z]{2,3}, " + other + ",(a|b,c)"))
                .containsExactly("orders-[a-z]{2,3}", other, "(a|b,c)");
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abz09-_.").ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> qualifiers() {
        return Arbitraries.oneOf(Arbitraries.just("$LATEST"),
                Arbitraries.strings().withChars("abzAZ09-_").ofMinLength(1).ofMaxLength(8));
    }

    @Provide
    Arbitrary<String> endpointQualifiers() {
        return Arbitraries.oneOf(Arbitraries.just(""), qualifiers());
    }

    @Provide
    Arbitrary<String> nameEntries() {
        return Arbitraries.oneOf(Arbitraries.of(NAME_ENTRIES), names().map(Pattern::quote));
    }

    @Provide
    Arbitrary<String> nameLists() {
        return nameEntries().list().ofMinSize(1).ofMaxSize(4).map(entries -> String.join(",", entries));
    }

    /** Names, name:qualifier, full and partial ARNs with and without a qualifier (a name may be "function"). */
    @Provide
    Arbitrary<String> functions() {
        Arbitrary<String> name = Arbitraries.oneOf(names(), Arbitraries.just("function"));
        Arbitrary<String> prefix = Arbitraries.of("", "arn:aws:lambda:us-east-1:123456789012:function:",
                "123456789012:function:", "eu-west-1:123456789012:function:");
        Arbitrary<String> suffix = Arbitraries.oneOf(Arbitraries.just(""), qualifiers().map(q -> ":" + q));
        return Combinators.combine(prefix, name, suffix).as((p, n, q) -> p + n + q);
    }
}
