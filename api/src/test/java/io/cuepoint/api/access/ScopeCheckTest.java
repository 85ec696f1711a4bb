package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.micronaut.core.annotation.AnnotationMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A route that forgot its {@code @RequiresScope} is refused to everyone, operators included: access fails closed. */
class ScopeCheckTest {
    @Test
    void aRouteWithoutAScopeIsRefusedEvenToAnOperator() {
        var refused = catchThrowableOfType(ApiException.class,
                () -> AuthenticationFilter.checkScope(AnnotationMetadata.EMPTY_METADATA, Principal.operator("op:0")));
        assertThat(refused).isNotNull();
        assertThat(refused.status().getCode()).isEqualTo(403);
        assertThat(refused.getMessage()).isEqualTo("this route declares no scope, so nobody may call it");
    }
}
