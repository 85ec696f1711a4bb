package io.cuepoint.analyzer.vision;

import java.util.List;

/**
 * The emotion model's answer for one face.
 *
 * @param probabilities one per {@link EmotionTranslator#LABELS} entry, summing to about 1
 */
public record Expression(float[] probabilities) {
    public Expression {
        probabilities = probabilities.clone();
    }

    /** Index of the most probable expression; the first on ties. */
    public int dominant() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    public String label() {
        return EmotionTranslator.LABELS.get(dominant());
    }

    public double score() {
        return probabilities[dominant()];
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    public List<String> labels() {
        return EmotionTranslator.LABELS;
    }
}
