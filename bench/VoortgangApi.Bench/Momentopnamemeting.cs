using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VoortgangApi.Core.Cycli;
using VoortgangApi.Core.Historie;
using VoortgangApi.Core.Model;
using VoortgangApi.OpenData;

namespace VoortgangApi.Bench;

/// <summary>
/// Snapshot + publication time for N synthetic solution directions on Azurite, through the app's own services: the log
/// is filled first (not timed), then one cycle is snapshotted and published (timed), as the timer would do it.
/// </summary>
internal static class Momentopnamemeting
{
    public static async Task<int> DraaiAsync(string[] args)
    {
        var aantal = int.Parse(Basislijn.Waarde(args, "--aantal") ?? "500", System.Globalization.CultureInfo.InvariantCulture);
        await using var services = Diensten.Maak('b', "30");
        var vastlegging = services.GetRequiredService<Vastlegging>();
        var peildatum = new DateOnly(2025, 1, 1);

        var vullen = Stopwatch.StartNew();
        var thema = new Thema("zorg", "Zorg", "Zorg.", 2);
        var regels = new List<Logregel> { Logregel.Nieuw(new Revisie("", Itemsoorten.Thema, thema.Id, peildatum, default, Thema: thema)) };
        regels.AddRange(Enumerable.Range(1, aantal).Select(i => Logregel.Nieuw(new Revisie("", Itemsoorten.Oplossingsrichting, $"ZO-{i:00000}", peildatum, default,
            Oplossingsrichting: new OplossingsrichtingInhoud("zorg", $"Synthetische oplossingsrichting {i}", "Omschrijving voor de meting.", [], [], [], "Niet bekend.", false, [])))));
        foreach (var batch in regels.Chunk(98))
        {
            var r = await vastlegging.SchrijfAsync(s => new Toevoeging(batch, s, new Vastlegger("bench", "bench")), default);
            if (!r.IsGelukt)
            {
                throw new InvalidOperationException(r.Probleem!.Detail);
            }
        }

        vullen.Stop();
        await services.GetRequiredService<ICyclusStore>().BewaarAsync(
            new Rapportagecyclus("meting", "Meting", peildatum, new Kamerbrief(peildatum, null, null, null, null), Toestanden.Gepland, null), null, default);
        var momentopnamen = new MomentopnameService(services.GetRequiredService<Logboek>(), services.GetRequiredService<ICyclusStore>(), TimeProvider.System,
            NullLogger<MomentopnameService>.Instance);
        var publicatie = services.GetRequiredService<PublicatieService>();

        var klok = Stopwatch.StartNew();
        var snapshot = await momentopnamen.NeemAsync("meting", new Vastlegger("bench", "bench"), default);
        var snapshotTijd = klok.Elapsed;
        var gepubliceerd = await publicatie.PubliceerAsync("meting", default);
        klok.Stop();

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            aantal,
            logVullenSeconden = Math.Round(vullen.Elapsed.TotalSeconds, 2),
            momentopnameSeconden = Math.Round(snapshotTijd.TotalSeconds, 2),
            publicatieSeconden = Math.Round((klok.Elapsed - snapshotTijd).TotalSeconds, 2),
            totaalSeconden = Math.Round(klok.Elapsed.TotalSeconds, 2),
            oplossingsrichtingen = snapshot.Waarde?.Cyclus.Momentopname?.Aantallen.Oplossingsrichtingen,
            bestanden = gepubliceerd.Waarde?.Bestanden,
        }));
        return snapshot.IsGelukt && gepubliceerd.IsGelukt ? 0 : 1;
    }
}
