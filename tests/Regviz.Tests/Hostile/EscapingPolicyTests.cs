using CsCheck;
using Regviz.Core;
using Xunit;

namespace Regviz.Tests.Hostile;

/// <summary>
/// The one escaping policy (<see cref="SafeText"/>) that every output channel applies to input text, and the canonical
/// comparison of names (NFC and NFD spellings are one name).
/// </summary>
public class EscapingPolicyTests
{
    /// <summary>One character of each kind the policy makes visible, as Unicode classifies them (not as the code does).</summary>
    public static TheoryData<string, string> Hidden => new()
    {
        { "\u0000", "\\u0000" }, { "\u001b", "\\u001b" }, { "\u0007", "\\u0007" }, { "\u000b", "\\u000b" }, { "\u000c", "\\u000c" },
        { "\n", "\\n" }, { "\r", "\\r" }, { "\t", "\\t" }, { "\u007f", "\\u007f" }, { "\u0085", "\\u0085" }, { "\u009b", "\\u009b" },
        { "\u202e", "\\u202e" }, { "\u202a", "\\u202a" }, { "\u2066", "\\u2066" }, { "\u2069", "\\u2069" }, { "\u200e", "\\u200e" },
        { "\u200b", "\\u200b" }, { "\u200d", "\\u200d" }, { "\u2060", "\\u2060" }, { "\ufeff", "\\ufeff" }, { "\u00ad", "\\u00ad" },
        { "\u2028", "\\u2028" }, { "\u2029", "\\u2029" }, { "\ufffe", "\\ufffe" },
        { "\U000e0001", "\\U000e0001" }, // a tag character: a format character above the BMP
    };

    [Theory]
    [MemberData(nameof(Hidden))]
    public void Every_character_that_can_change_how_text_shows_is_made_visible(string c, string shown)
    {
        Assert.Equal($"a{shown}b", SafeText.Display($"a{c}b"));
        Assert.False(SafeText.IsClean($"a{c}b"));
        Assert.True(SafeText.IsClean(SafeText.Display($"a{c}b")));
    }

    [Fact]
    public void Lone_surrogates_are_made_visible_and_pairs_are_kept()
    {
        // not theory data: xunit would replace a lone surrogate by U+FFFD when it serialises the case
        Assert.Equal("a\\ud800b", SafeText.Display("a\ud800b"));
        Assert.Equal("a\\udc00b", SafeText.Display("a\udc00b"));
        Assert.Equal("\\udc00\\ud800", SafeText.Display("\udc00\ud800"));
        Assert.True(SafeText.HasLoneSurrogate("x\ud800") && !SafeText.HasLoneSurrogate("💥"));
    }

    [Fact]
    public void Ordinary_text_passes_as_it_is_and_long_text_is_cut()
    {
        foreach (string text in new[] { "a.png", "漢字.png", "é", "e\u0301", "💥", "x y", "Ωmega_1" })
            Assert.Same(text, SafeText.Display(text));
        Assert.Equal(new string('x', 10) + "…", SafeText.Display(new string('x', 1000), 10));
    }

    /// <summary>Text pieces with their canonically equivalent spellings, each written out by hand from the Unicode charts.</summary>
    private static readonly (string A, string B)[] Equivalent =
    [
        ("\u00e9", "e\u0301"),                 // é
        ("\u00c5", "\u212b"),                  // Å and the Ångström sign
        ("\u00c5", "A\u030a"),
        ("\u1ec7", "e\u0323\u0302"),           // ệ: dot below (class 220) before circumflex (230)
        ("\u1ec7", "e\u0302\u0323"),           // the marks in the other order are the same text
        ("\ud55c", "\u1112\u1161\u11ab"),      // 한, a Hangul syllable and its jamo
        ("\u01fa", "A\u030a\u0301"),           // Ǻ decomposes in two levels
        ("a", "a"), ("-", "-"), ("漢", "漢"),
    ];

    [Fact]
    public void Canonically_equivalent_names_have_one_key_and_others_do_not()
    {
        Gen.Int[0, Equivalent.Length - 1].Array[1, 8].Sample(picks =>
        {
            string a = string.Concat(picks.Select(i => Equivalent[i].A)), b = string.Concat(picks.Select(i => Equivalent[i].B));
            Assert.Equal(SafeText.Canonical(a), SafeText.Canonical(b));
        });
        Assert.NotEqual(SafeText.Canonical("\u00e9"), SafeText.Canonical("e\u0300")); // é is not è
        Assert.NotEqual(SafeText.Canonical("e\u0301\u0323"), SafeText.Canonical("e\u0301\u0301"));
        Assert.Equal("\ud800x", SafeText.Canonical("\ud800x")); // no normal form: left for the caller to refuse
    }
}
