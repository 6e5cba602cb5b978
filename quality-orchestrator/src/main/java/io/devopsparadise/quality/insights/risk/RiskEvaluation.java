package io.devopsparadise.quality.insights.risk;

import java.util.Arrays;
import java.util.List;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/**
 * The model measured as it is used: trained on the oldest share of the commits, tested on the newest, with the area under
 * the ROC curve beside the simplest baseline's (lines changed alone), and the stronger one of source lines changed alone.
 */
public record RiskEvaluation(
        int trainCommits,
        int trainBuggy,
        int testCommits,
        int testBuggy,
        double modelAuc,
        double baselineAuc,
        double sourceLinesAuc) {

    public static RiskEvaluation timeOrdered(LabelledHistory history, double trainShare) {
        int cut = (int) Math.round(history.size() * trainShare);
        LabelledHistory train = history.oldest(cut);
        TrainedRiskModel model = TrainedRiskModel.train(train.features(), train.buggy(), RiskModels.SEED);
        List<ChangeFeatures> test = history.featuresFrom(cut);
        boolean[] truth = Arrays.copyOfRange(history.buggy(), cut, history.size());
        double[] predicted = test.stream().mapToDouble(model::probability).toArray();
        double[] baseline =
                test.stream().mapToDouble(ChangeFeatures::linesChanged).toArray();
        double[] sourceLines = test.stream()
                .mapToDouble(f -> f.get(Feature.LINES_ADDED) + f.get(Feature.LINES_DELETED))
                .toArray();
        return new RiskEvaluation(
                cut,
                train.buggyCount(),
                test.size(),
                count(truth),
                LabelEvaluationUtil.binaryAUCROC(truth, predicted),
                LabelEvaluationUtil.binaryAUCROC(truth, baseline),
                LabelEvaluationUtil.binaryAUCROC(truth, sourceLines));
    }

    private static int count(boolean[] labels) {
        int count = 0;
        for (boolean label : labels) {
            count += label ? 1 : 0;
        }
        return count;
    }
}
