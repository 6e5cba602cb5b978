package io.devopsparadise.quality.insights.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Logistic regression (Tribuo's linear SGD model with the log loss) trained on one repository's own history: each
 * commit's features, labelled buggy when SZZ traced a later fix to it. Inputs are log-transformed counts, standardized
 * by the training history.
 */
public final class TrainedRiskModel implements RiskScorer {

    static final String BUGGY = "buggy";
    static final String CLEAN = "clean";
    private static final String[] NAMES =
            Arrays.stream(Feature.values()).map(Enum::name).toArray(String[]::new);
    private static final int EPOCHS = 40;

    private final LinearSGDModel model;
    private final Standardization scaling;
    private final int trainedOn;
    private final int buggy;

    private TrainedRiskModel(LinearSGDModel model, Standardization scaling, int trainedOn, int buggy) {
        this.model = model;
        this.scaling = scaling;
        this.trainedOn = trainedOn;
        this.buggy = buggy;
    }

    /** Trains on the given commits; {@code labels[i]} tells whether commit i introduced a bug. */
    public static TrainedRiskModel train(List<ChangeFeatures> commits, boolean[] labels, long seed) {
        Standardization scaling = Standardization.of(commits);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("repository history", factory), factory);
        int buggy = 0;
        for (int i = 0; i < commits.size(); i++) {
            buggy += labels[i] ? 1 : 0;
            data.add(new ArrayExample<>(new Label(labels[i] ? BUGGY : CLEAN), NAMES, scaling.apply(commits.get(i))));
        }
        LinearSGDTrainer trainer =
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, -1, 1, seed);
        return new TrainedRiskModel(trainer.train(data), scaling, commits.size(), buggy);
    }

    @Override
    public double probability(ChangeFeatures change) {
        return model.predict(example(change)).getOutputScores().get(BUGGY).getScore();
    }

    @Override
    public List<RiskFactor> factors(ChangeFeatures change) {
        DenseMatrix weights = model.getWeightsCopy();
        int buggyRow = model.getOutputIDInfo().getID(new Label(BUGGY));
        int cleanRow = model.getOutputIDInfo().getID(new Label(CLEAN));
        double[] inputs = scaling.apply(change);
        List<RiskFactor> factors = new ArrayList<>();
        for (Feature feature : Feature.values()) {
            int column = model.getFeatureIDMap().getID(feature.name());
            double weight = column < 0 ? 0 : weights.get(buggyRow, column) - weights.get(cleanRow, column);
            factors.add(new RiskFactor(
                    feature,
                    feature.description(),
                    change.get(feature),
                    scaling.typical(feature),
                    weight * inputs[feature.ordinal()]));
        }
        factors.sort(Comparator.comparingDouble(RiskFactor::contribution).reversed());
        return factors;
    }

    @Override
    public String method() {
        return "logistic regression (Tribuo) trained on this repository's " + trainedOn + " commits, " + buggy
                + " of them traced by SZZ to a later fix";
    }

    private Example<Label> example(ChangeFeatures change) {
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, NAMES, scaling.apply(change));
    }
}
