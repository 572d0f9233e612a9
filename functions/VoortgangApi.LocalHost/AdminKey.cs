using System.Security.Cryptography;
using System.Text;

namespace VoortgangApi.LocalHost;

/// <summary>
/// The local stand-in for Azure's function keys: operations with auth level Function or Admin need this key in
/// the <c>x-functions-key</c> header or the <c>code</c> query parameter, exactly as in Azure.
/// </summary>
public sealed class AdminKey(string sleutel, bool gegenereerd)
{
    public const string Omgevingsvariabele = "VOORTGANG_ADMIN_KEY";

    /// <summary>The key's name, recorded as who made a write (internal audit): VOORTGANG_ADMIN_KEY_NAAM, default "lokale-beheersleutel".</summary>
    public string Naam { get; init; } = "lokale-beheersleutel";

    public string Sleutel { get; } = sleutel;
    public bool Gegenereerd { get; } = gegenereerd;

    public static AdminKey Uit(string? geconfigureerd) =>
        string.IsNullOrWhiteSpace(geconfigureerd)
            ? new AdminKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), true)
            : new AdminKey(geconfigureerd, false);

    public static bool IsVereist(string? authLevel) =>
        !string.Equals(authLevel, "anonymous", StringComparison.OrdinalIgnoreCase);

    public bool IsGeldig(HttpRequest req)
    {
        var gegeven = req.Headers["x-functions-key"].FirstOrDefault() ?? req.Query["code"].FirstOrDefault();
        return gegeven is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(gegeven), Encoding.UTF8.GetBytes(Sleutel));
    }
}
