namespace VoortgangApi.Core.Historie;

/// <summary>
/// Letting the whole index go: once no request has needed it for <c>vasthouden</c> and the newest checkpoint is written,
/// the process moves on to that checkpoint's head and the lines after it, as a start would. The reads that follow page
/// through the checkpoint's files again; the next one that needs the whole index reads it once more.
/// </summary>
public sealed partial class Logboek
{
    // Called under _laden (or at the start) when the process holds the whole index; one wait at a time.
    private void Loslaten()
    {
        if (vasthouden <= TimeSpan.Zero || checkpunten is null || _loslaten is { IsCompleted: false })
        {
            return;
        }

        var beheer = checkpunten;
        var stop = _stop.Token;
        _loslaten = Task.Run(() => LoslatenAsync(beheer, stop), CancellationToken.None);
    }

    private async Task LoslatenAsync(Checkpuntbeheer beheer, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var rust = Rust;
                if (rust < vasthouden)
                {
                    await Task.Delay(vasthouden - rust, Tijd, stop);
                    continue;
                }

                // A checkpoint being written is what the head will be: wait for it rather than move to the one before.
                while (!beheer.Lopend.IsCompleted)
                {
                    await Task.WhenAny(beheer.Lopend, Task.Delay(Timeout.InfiniteTimeSpan, stop));
                    stop.ThrowIfCancellationRequested();
                }

                if (await NaarKopAsync(beheer, stop))
                {
                    return;
                }

                // No checkpoint to move to yet (none written, one due, or storage unreachable): look again later.
                await Task.Delay(vasthouden, Tijd, stop);
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // the process stops (its lock may be gone already)
        }
    }

    // Under the writer's lock: the newest checkpoint's head and the lines after it replace the whole index, when the
    // process still holds it, no request needed it meanwhile, and no checkpoint is due (else the next line would read it
    // again at once). Anything that does not hold up keeps the whole index.
    private TimeSpan Rust => Tijd.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _laatstNodig), TimeSpan.Zero);

    private async Task<bool> NaarKopAsync(Checkpuntbeheer beheer, CancellationToken stop)
    {
        await _laden.WaitAsync(stop);
        try
        {
            if (_stand is not { OnbevestigdSinds: null, Waarde: { Tijdlijn.Volledig: true } stand }
                || beheer.Laatste == 0 || beheer.Nodig(stand)
                || Rust < vasthouden)
            {
                return false;
            }

            var teller = versheid.Teller;
            var begin = versheid.Nu;
            if (await beheer.LaadAsync(stop, alleenKop: true) is not { Tijdlijn.Volledig: false } c)
            {
                return false;
            }

            var staart = await store.LeesNaAsync(c.Volgnummer - 1, stop);
            if (!Houdt(c, staart))
            {
                return false;
            }

            // Built before anything changes (with the whole index held, Voeg keeps no tail): a correction since the
            // checkpoint of an entry its head starts from would send every read back to the whole index at once, so
            // then a checkpoint is asked for here and the process moves on to that one at the next look.
            var geladen = new Logstand(c.Tijdlijn, c.Volgnummer, c.BekendTot);
            var kop = staart.Count == 1 ? geladen : Voeg(geladen, [.. staart.Skip(1)]);
            if (!kop.Dekt(Tijd.Vandaag(), DateTimeOffset.MaxValue))
            {
                beheer.Na(stand, altijd: true);
                return false;
            }

            StaOpKop(c, beheer, Timeout.InfiniteTimeSpan);
            _staart = [.. staart.Skip(1)];
            _stand = versheid.Bewaar(kop, teller, begin);
            return true;
        }
        catch (Exception) when (!stop.IsCancellationRequested)
        {
            return false; // storage unreachable: the whole index stays, and the next look tries again
        }
        finally
        {
            _laden.Release();
        }
    }
}
