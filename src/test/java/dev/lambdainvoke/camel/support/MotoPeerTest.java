package dev.lambdainvoke.camel.support;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The moto peer: the process it starts is the server on its port, it stops by that PID, and auth mode starts on cue. */
@ExtendWith(MotoExtension.class)
class MotoPeerTest {

    @Test
    void theServerOnThePortIsTheProcessStartedAndStopsByItsPid() {
        MotoPeer moto = MotoPeer.start(0);
        int port = moto.endpoint().getPort();
        try {
            if (ListeningProcess.supported()) {
                assertThat(ListeningProcess.of(port)).hasValue(moto.pid());
            }
            assertThat(Peers.accepts(port)).isTrue();
        } finally {
            moto.close();
        }

        assertThat(moto.isAlive()).isFalse();
        assertThat(Peers.accepts(port)).isFalse();
    }

    @Test
    void authenticationStartsAfterTheSetupAllowance() {
        try (MotoPeer moto = MotoPeer.start(1)) {
            moto.iam("CreateUser", Map.of("UserName", "first"));

            Throwable second = catchThrowable(() -> moto.iam("CreateUser", Map.of("UserName", "second")));

            assertThat(second).hasMessageContaining("moto answered 403").hasMessageContaining("InvalidClientTokenId");
        }
    }
}
