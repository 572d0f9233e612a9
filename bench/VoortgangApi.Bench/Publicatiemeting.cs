using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.Core.OpenData;
using VoortgangApi.OpenData;

using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Bench;

/// <summary>
/// Publication cost against history: publishes N small cycles one after another and reports the time and the number of
/// blob calls of the publication of the 10th and of the last, so a cost that grows with history would show.
/// </summary>
internal static class Publicatiemeting
{
    public static async Task<int> DraaiAsync(string[] args)
    {
        var aantal = int.Parse(Basislijn.Waarde(args, "--cycli") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
        await using var services = Diensten.Maak('p');
        var seed = await VoortgangApi.Core.Seed.SeedLoader.LaadAsync(Path.Combine(AppContext.BaseDirectory, "data", "seed.json"), Path.Combine(AppContext.BaseDirectory, "schemas"));
        foreach (var batch in seed.Regels.Chunk(90))
        {
            await services.GetRequiredService<Vastlegging>().SchrijfAsync(s => new Toevoeging(batch, s, new Vastlegger("bench", "bench")), default);
        }

        var cycli = services.GetRequiredService<ICyclusStore>();
        var momentopnamen = new MomentopnameService(services.GetRequiredService<Logboek>(), cycli, TimeProvider.System, NullLogger<MomentopnameService>.Instance);
        var metingen = new List<object>();
        for (var i = 1; i <= aantal; i++)
        {
            var id = $"meting-{i:000}";
            var peildatum = new DateOnly(2025, 1, 1).AddDays(i);
            await cycli.BewaarAsync(new Rapportagecyclus(id, id, peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);
            await momentopnamen.NeemAsync(id, new Vastlegger("bench", "bench"), default);
            var teller = new TellendeOpenDataStore(services.GetRequiredService<IOpenDataStore>());
            var publicatie = new PublicatieService(cycli, services.GetRequiredService<Logboek>(), teller, services.GetRequiredService<OpenDataInstellingen>(),
                NullLogger<PublicatieService>.Instance);
            var klok = Stopwatch.StartNew();
            await publicatie.PubliceerAsync(id, default);
            if (i == 10 || i == aantal)
            {
                metingen.Add(new { gepubliceerdeCycli = i, milliseconden = klok.ElapsedMilliseconds, blobAanroepen = teller.Aanroepen });
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(metingen));
        return 0;
    }
}
