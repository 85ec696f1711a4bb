package io.cuepoint.api.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Draws items in shuffled rounds, each round holding every item as often as it was given: even a short
 * clip gets every kind of event, and the mix stays as planned.
 */
final class ShuffleBag<T> {
    private final List<T> items;
    private final Random random;
    private final List<T> round = new ArrayList<>();

    ShuffleBag(Random random, List<T> items) {
        this.items = List.copyOf(items);
        this.random = random;
    }

    T next() {
        if (round.isEmpty()) {
            round.addAll(items);
            Collections.shuffle(round, random);
        }
        return round.remove(round.size() - 1);
    }
}
