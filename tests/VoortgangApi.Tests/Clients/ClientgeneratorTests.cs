using System.Diagnostics;
using VoortgangApi.Tests.Fouten;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.Clients;

/// <summary>
/// Generates C# clients from the served OpenAPI document with the generators people use — NSwag with System.Text.Json
/// and with Newtonsoft, and Kiota (dotnet tools from .config/dotnet-tools.json, restored offline) — compiles them into a
/// small program and lets each call getThemas, getPartijen, a page of oplossingsrichtingen, verschillen, the programmes and a
/// programme's themes against the
/// running local host; and generates TypeScript types with openapi-typescript, against which a fixed calling program
/// (openapi-fetch, Clients/typescript) must compile under tsc --strict.
/// </summary>
public class ClientgeneratorTests(PoortApi api) : IClassFixture<PoortApi>
{
    private static async Task<string> Draai(string werkmap, string programma, params string[] argumenten)
    {
        var psi = new ProcessStartInfo(programma) { WorkingDirectory = werkmap, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var a in argumenten)
        {
            psi.ArgumentList.Add(a);
        }

        using var proces = Process.Start(psi)!;
        var uit = proces.StandardOutput.ReadToEndAsync();
        var fout = proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        var tekst = await uit + await fout;
        Assert.True(proces.ExitCode == 0, $"{programma} {string.Join(' ', argumenten)} (code {proces.ExitCode}):\n{tekst[..Math.Min(tekst.Length, 4000)]}");
        return tekst;
    }

    [Fact]
    public async Task GeneratedNSwagAndKiotaClientsCallTheApi()
    {
        var map = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voortgang-clients-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var document = Path.Combine(map, "openapi.json");
        await File.WriteAllTextAsync(document, await new HttpClient().GetStringAsync(api.ApiBasis + "/openapi.json"));

        await Draai(Repo.Root, "dotnet", "tool", "restore");
        await Draai(Repo.Root, "dotnet", "nswag", "openapi2csclient", $"/input:{document}", $"/output:{Path.Combine(map, "StjClient.cs")}",
            "/namespace:Stj", "/className:VoortgangClient", "/jsonLibrary:SystemTextJson");
        await Draai(Repo.Root, "dotnet", "nswag", "openapi2csclient", $"/input:{document}", $"/output:{Path.Combine(map, "NjClient.cs")}",
            "/namespace:Nj", "/className:VoortgangClient", "/jsonLibrary:NewtonsoftJson");
        await Draai(Repo.Root, "dotnet", "kiota", "generate", "-l", "CSharp", "-d", document, "-o", Path.Combine(map, "Kiota"),
            "-n", "KiotaClient", "-c", "VoortgangKiota", "--exclude-backward-compatible", "--log-level", "Error");

        await File.WriteAllTextAsync(Path.Combine(map, "Program.cs"), await File.ReadAllTextAsync(Repo.Pad("tests", "VoortgangApi.Tests", "Clients", "Programma.cs.txt")));
        await File.WriteAllTextAsync(Path.Combine(map, "Clients.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>disable</Nullable>
                <NoWarn>$(NoWarn);CS8669;CS0108;CS0114;CS1591;CS8618</NoWarn>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
                <PackageReference Include="Microsoft.Kiota.Abstractions" Version="2.1.6" />
                <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="2.1.6" />
                <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="2.1.6" />
                <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="2.1.6" />
                <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="2.1.6" />
                <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="2.1.6" />
              </ItemGroup>
            </Project>
            """);

        var uitvoer = await Draai(map, "dotnet", "run", "--", api.ApiBasis);

        Assert.Equal(18, uitvoer.Split('\n').Count(r => r.EndsWith(": ok", StringComparison.Ordinal)));
        Directory.Delete(map, recursive: true);
    }

    [Fact]
    public async Task TheTypeScriptCallersCodeCompilesUnderStrictAgainstTypesGeneratedFromTheServedDocument()
    {
        // Under the repository, so that the program finds openapi-fetch in its node_modules.
        var map = Directory.CreateDirectory(Repo.Pad(".run", "clients", "ts-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var document = Path.Combine(map, "openapi.json");
        await File.WriteAllTextAsync(document, await new HttpClient().GetStringAsync(api.ApiBasis + "/openapi.json"));
        foreach (var bestand in new[] { "programma.ts", "programmas.ts", "tsconfig.json" })
        {
            File.Copy(Repo.Pad("tests", "VoortgangApi.Tests", "Clients", "typescript", bestand), Path.Combine(map, bestand));
        }

        var (gegenereerd, genUit, genFout) = await Npm.VoerUitAsync("openapi-typescript", document, "-o", Path.Combine(map, "api.d.ts"));
        Assert.True(gegenereerd == 0, genUit + genFout);
        var (code, uit, fout) = await Npm.VoerUitAsync("tsc", "-p", map);

        Assert.True(code == 0, $"tsc --strict: {uit}{fout}");
        Assert.Contains("\"/oplossingsrichtingen/{id}\"", await File.ReadAllTextAsync(Path.Combine(map, "api.d.ts")), StringComparison.Ordinal);
        Directory.Delete(map, recursive: true);
    }
}
