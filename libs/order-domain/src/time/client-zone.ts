import { IANAZone, Info, type Zone } from 'luxon';

/** Offsets kept per zone before the memory starts over (a quote adds two or three; the rest are repeats). */
const REMEMBERED_OFFSETS = 4096;

/** Zone names remembered (only odd spellings of names could pass it). */
const REMEMBERED_ZONES = 1024;

/**
 * An IANA zone that remembers the offsets it has computed. luxon asks Intl (`formatToParts`) for
 * the offset every time it builds or moves a date-time in an IANA zone, and a quote builds dozens
 * per service; most are the same instants again (a day's midnight, its opening and closing), so
 * quoting spent about a seventh of its time in that one Intl call. An offset is a pure function of
 * the zone and the instant, so remembering it changes no answer.
 */
class RememberingZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    // luxon reads the offset to the second (it drops the milliseconds), so one entry serves a whole
    // second: `fromObject` also asks for the offset at "now" each time it builds a date-time.
    const second = Math.floor(ts / 1000);
    let minutes = this.offsets.get(second);
    if (minutes === undefined) {
      minutes = super.offset(ts);
      if (this.offsets.size >= REMEMBERED_OFFSETS) this.offsets.clear();
      this.offsets.set(second, minutes);
    }
    return minutes;
  }
}

const zones = new Map<string, Zone>();

/**
 * The zone to compute a client's local times in, as luxon reads `timezone` (an IANA name, or UTC),
 * one remembering instance per valid IANA name as written. Pass it wherever a DateTime takes a
 * zone in the domain.
 */
export function clientZone(timezone: string): Zone {
  const known = zones.get(timezone);
  if (known) return known;
  const read = Info.normalizeZone(timezone);
  // Past the cap luxon's own (cached) zone serves: right, only slower.
  if (!(read instanceof IANAZone) || !read.isValid || zones.size >= REMEMBERED_ZONES) return read;
  const zone = new RememberingZone(read.name);
  zones.set(timezone, zone);
  return zone;
}
