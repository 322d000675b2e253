/** `ConferenceParticipant` → `conferenceParticipant`: query names follow from type names. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
