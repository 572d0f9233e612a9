using System.Security.Cryptography;
using System.Text;

namespace VoortgangApi.LocalHost;

/// <summary>
/// Function keys as the Azure host checks them (AuthenticationLevelHandler, FunctionInvocationMiddleware): the
/// <c>x-functions-key</c> header, else the <c>code</c> query value; an Anonymous trigger always passes; Function and
/// Admin need a key, here the one master key. A missing or wrong key is the host's 401 with an empty body.
/// </summary>
public sealed class Sleutels(string sleutel, bool gegenereerd)
{
    public const string Omgevingsvariabele = "VOORTGANG_ADMIN_KEY";

    public string Sleutel { get; } = sleutel;
    public bool Gegenereerd { get; } = gegenereerd;

    public static Sleutels Uit(string? geconfigureerd) =>
        string.IsNullOrWhiteSpace(geconfigureerd)
            ? new Sleutels(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), true)
            : new Sleutels(geconfigureerd, false);

    public bool Toegestaan(string? authLevel, HttpRequest req)
    {
        if (string.Equals(authLevel, "anonymous", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var gegeven = req.Headers["x-functions-key"].FirstOrDefault() ?? req.Query["code"].FirstOrDefault();
        return gegeven is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(gegeven), Encoding.UTF8.GetBytes(Sleutel));
    }
}
