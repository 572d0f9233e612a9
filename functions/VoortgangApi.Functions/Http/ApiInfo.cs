namespace VoortgangApi.Functions.Http;

/// <summary>The API's version: the major is in the path (/v1), the full SemVer in every API-Version header.</summary>
public static class ApiInfo
{
    public const string Versie = "1.8.0";
    public const string VersieHeader = "API-Version";
    public const string BasisPad = "/api/v1";
}
