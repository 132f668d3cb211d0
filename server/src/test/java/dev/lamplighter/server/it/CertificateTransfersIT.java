package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.NewAccessKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.TransferAlreadyCompletedException;
import software.amazon.awssdk.services.iot.model.TransferConflictException;

/** Certificate transfers between two accounts of one region. */
class CertificateTransfersIT {
  private static final String RECEIVER = "555566667777";
  private static TestServer server;
  private static IotClient sender;
  private static IotClient receiver;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    sender = server.iot();
    var accounts = server.server().backend().security().accounts();
    accounts.createAccount("receiver", AccountId.of(RECEIVER));
    NewAccessKey key = accounts.createAccessKey(AccountId.of(RECEIVER));
    receiver = server.iot(key.key().accessKeyId(), key.secretAccessKey(), TestServer.REGION);
  }

  @AfterAll
  static void stop() {
    sender.close();
    receiver.close();
    server.close();
  }

  @Test
  void acceptedTransfer_movesTheCertificate() {
    String id = sender.createKeysAndCertificate(b -> b.setAsActive(false)).certificateId();

    String arn =
        sender
            .transferCertificate(
                b -> b.certificateId(id).targetAwsAccount(RECEIVER).transferMessage("yours"))
            .transferredCertificateArn();

    assertThat(arn).isEqualTo("arn:aws:iot:eu-west-1:" + RECEIVER + ":cert/" + id);
    var offered = receiver.describeCertificate(b -> b.certificateId(id)).certificateDescription();
    assertThat(offered.status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);
    assertThat(offered.transferData().transferMessage()).isEqualTo("yours");

    receiver.acceptCertificateTransfer(b -> b.certificateId(id).setAsActive(true));

    var received = receiver.describeCertificate(b -> b.certificateId(id)).certificateDescription();
    assertThat(received.status()).isEqualTo(CertificateStatus.ACTIVE);
    assertThat(received.ownedBy()).isEqualTo(RECEIVER);
    assertThat(received.previousOwnedBy()).isEqualTo(TestServer.ROOT_ACCOUNT);
    assertThatThrownBy(() -> sender.describeCertificate(b -> b.certificateId(id)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> receiver.acceptCertificateTransfer(b -> b.certificateId(id)))
        .isInstanceOf(TransferAlreadyCompletedException.class);
  }

  @Test
  void rejectedTransfer_leavesItWithTheSender_andCancelEndsAnOffer() {
    String id = sender.createKeysAndCertificate(b -> b.setAsActive(false)).certificateId();
    sender.transferCertificate(b -> b.certificateId(id).targetAwsAccount(RECEIVER));

    receiver.rejectCertificateTransfer(b -> b.certificateId(id).rejectReason("not ours"));

    var back = sender.describeCertificate(b -> b.certificateId(id)).certificateDescription();
    assertThat(back.status()).isEqualTo(CertificateStatus.INACTIVE);
    assertThat(back.transferData().rejectReason()).isEqualTo("not ours");

    sender.transferCertificate(b -> b.certificateId(id).targetAwsAccount(RECEIVER));
    sender.cancelCertificateTransfer(b -> b.certificateId(id));
    assertThat(
            sender.describeCertificate(b -> b.certificateId(id)).certificateDescription().status())
        .isEqualTo(CertificateStatus.INACTIVE);
    assertThatThrownBy(() -> receiver.acceptCertificateTransfer(b -> b.certificateId(id)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sender.cancelCertificateTransfer(b -> b.certificateId(id)))
        .isInstanceOf(TransferAlreadyCompletedException.class);
  }

  @Test
  void onlyInactiveUnattachedCertificates_canBeTransferred() {
    String active = sender.createKeysAndCertificate(b -> b.setAsActive(true)).certificateId();
    assertThatThrownBy(
            () ->
                sender.transferCertificate(b -> b.certificateId(active).targetAwsAccount(RECEIVER)))
        .isInstanceOf(CertificateStateException.class);

    var attached = sender.createKeysAndCertificate(b -> b.setAsActive(false));
    sender.createPolicy(b -> b.policyName("Pinned").policyDocument(Policies.CONNECT_ANY));
    sender.attachPolicy(b -> b.policyName("Pinned").target(attached.certificateArn()));
    assertThatThrownBy(
            () ->
                sender.transferCertificate(
                    b -> b.certificateId(attached.certificateId()).targetAwsAccount(RECEIVER)))
        .isInstanceOf(TransferConflictException.class);
  }
}
