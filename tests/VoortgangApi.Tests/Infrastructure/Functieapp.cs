namespace VoortgangApi.Tests.Infrastructure;

/// <summary>The built function app that the local host starts as its worker (the build output azd deploy ships).</summary>
internal static class Functieapp
{
    public static string Map { get; } =
        typeof(Functieapp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "FunctieApp").Value!;
}
