using System.Text;
using CsCheck;
using Regviz.Cli.Output;
using Xunit;

namespace Regviz.Tests.Cli;

/// <summary>The managed SHA-256 behind default names' suffixes gives the digests of FIPS 180-4 and of .NET's own SHA256.</summary>
public class Sha256Tests
{
    [Theory]
    // FIPS 180-4's examples (NIST's "SHA256.pdf"): one block, two blocks, and the empty message
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Known_digests(string message, string hex) =>
        Assert.Equal(hex, Convert.ToHexStringLower(Sha256.HashData(Encoding.ASCII.GetBytes(message))));

    /// <summary>Every length up to five blocks, across the padding's edges (55, 56, 63, 64 bytes), against .NET's SHA256.</summary>
    [Fact]
    public void Same_digest_as_dotnet_for_any_bytes() =>
        Gen.Byte.Array[0, 320].Sample(bytes =>
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes), Sha256.HashData(bytes)));
}
