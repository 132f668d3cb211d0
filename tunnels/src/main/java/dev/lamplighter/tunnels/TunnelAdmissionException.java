package dev.lamplighter.tunnels;

/** The relay must refuse a client; {@link #refusal()} says why. */
public final class TunnelAdmissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final AdmissionRefusal refusal;

  public TunnelAdmissionException(AdmissionRefusal refusal, String message) {
    super(message);
    this.refusal = refusal;
  }

  public AdmissionRefusal refusal() {
    return refusal;
  }
}
